using AriSuTotalService.Domain.Common;
using Microsoft.Extensions.Localization;

namespace AriSuTotalService.Web.Setup;

/// <summary>
/// Every localizer of the app (pages, views, data annotations) through one factory whose texts have their Korean
/// particles chosen by the word before them (<see cref="KoreanParticles"/>): "부서을(를)" is shown as "부서를".
/// </summary>
public sealed class ParticleLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new ParticleLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new ParticleLocalizer(inner.Create(baseName, location));

    private sealed class ParticleLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Fix(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Fix(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Fix);

        private static LocalizedString Fix(LocalizedString s)
        {
            var fixedValue = KoreanParticles.Fix(s.Value);
            return ReferenceEquals(fixedValue, s.Value) ? s : new LocalizedString(s.Name, fixedValue, s.ResourceNotFound, s.SearchedLocation);
        }
    }
}
