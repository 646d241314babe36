using System.Globalization;

namespace AriSuTotalService.Domain.Common;

/// <summary>
/// A business rule refused an operation. <see cref="Key"/> is the message's resource key (the Korean text, with
/// <c>{0}</c> for each of <see cref="Args"/>); the interface shows it through the localizer, so the English interface
/// gets the English text. <see cref="Exception.Message"/> is the Korean text with its values.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message)
    {
        Key = message;
        Args = [];
    }

    public DomainException(string key, params object?[] args) : base(Format(key, args))
    {
        Key = key;
        Args = args;
    }

    public string Key { get; }
    public object?[] Args { get; }

    public static string Format(string key, object?[] args) =>
        args.Length == 0 ? key : KoreanParticles.Fix(string.Format(CultureInfo.InvariantCulture, key, args));
}
