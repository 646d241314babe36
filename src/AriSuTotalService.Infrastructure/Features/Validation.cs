using AriSuTotalService.Domain.Common;

namespace AriSuTotalService.Infrastructure.Features;

/// <summary>
/// One refused rule of a command: the command's field it is about (its property name; empty for the whole command),
/// the message's resource key and the values it names. Pages put it beside their field, <c>/api/v1</c> answers it as
/// <c>{ field, key, message }</c>, Open311 as its error description.
/// </summary>
public sealed record FieldError(string Field, string Key, params object?[] Args)
{
    /// <summary>The Korean text with its values (what a log or a client without a localizer gets).</summary>
    public string Message => DomainException.Format(Key, Args);
}

/// <summary>A command refused by its validator: every rule it broke, nothing saved.</summary>
public sealed class ValidationFailedException(IReadOnlyList<FieldError> errors)
    : DomainException(errors[0].Key, errors[0].Args)
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>Collects a validator's refusals in the order the rules are written.</summary>
public sealed class Refusals
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;
    public bool Any => _errors.Count > 0;
    public bool Has(string field) => _errors.Any(e => e.Field == field);

    public void Add(string field, string key, params object?[] args) => _errors.Add(new FieldError(field, key, args));

    public void ThrowIfAny()
    {
        if (Any) throw new ValidationFailedException(_errors);
    }
}
