using System.Globalization;
using AriSuTotalService.Domain.Common;
using AriSuTotalService.Infrastructure.Features;
using AriSuTotalService.Web.Setup;
using AriSuTotalService.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace AriSuTotalService.Web.Tests.UseCases;

/// <summary>How a refusal reads: its key through the app's localizer, with its values; a text with braces and no values as written.</summary>
public class RefusalDisplayTests(ArisuFactory factory) : IClassFixture<ArisuFactory>
{
    private IStringLocalizer<SharedResource> Localizer => factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    [Fact]
    public void A_refusal_reads_in_the_users_language_with_its_values_and_a_text_with_braces_is_shown_as_written()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("Unknown complaint type: X_TYPE", Localizer.Text(new DomainException("알 수 없는 민원 유형입니다: {0}", "X_TYPE")));
            Assert.Equal("Unknown complaint type: X_TYPE", Localizer.Text(new FieldError("TypeCode", "알 수 없는 민원 유형입니다: {0}", "X_TYPE")));
            // A message whose own text holds a placeholder (a template's {reception}) is not a format.
            Assert.Equal("문구에 없는 자리표시 {reception}", Localizer.Text(new DomainException("문구에 없는 자리표시 {reception}")));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko-KR");
            Assert.Equal("알 수 없는 민원 유형입니다: X_TYPE", Localizer.Text(new DomainException("알 수 없는 민원 유형입니다: {0}", "X_TYPE")));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
