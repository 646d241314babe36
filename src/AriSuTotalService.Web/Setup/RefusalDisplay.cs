using AriSuTotalService.Domain.Common;
using AriSuTotalService.Infrastructure.Features;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace AriSuTotalService.Web.Setup;

/// <summary>A refusal shown in the user's language: its resource key through the localizer, with its values.</summary>
public static class RefusalDisplay
{
    public static string Text(this IStringLocalizer l, DomainException ex) => Text(l, ex.Key, ex.Args);

    public static string Text(this IStringLocalizer l, FieldError error) => Text(l, error.Key, error.Args);

    /// <summary>
    /// A message without values is not formatted: its text may hold braces (a template's placeholder). A value that is a
    /// word of the interface (an item's name: 잔류염소) is given in the reader's language too; any other value is itself.
    /// </summary>
    private static string Text(IStringLocalizer l, string key, object?[] args) =>
        args.Length == 0 ? l[key] : l[key, [.. args.Select(a => a is string word && word.Length > 0 ? l[word].Value : a ?? "")]];

    /// <summary>Each refusal beside its field (<paramref name="formField"/> maps the command's field to the form's; empty: above the form).</summary>
    public static void AddRefusals(this ModelStateDictionary state, ValidationFailedException ex, IStringLocalizer l, Func<string, string> formField)
    {
        foreach (var error in ex.Errors) state.AddModelError(formField(error.Field), l.Text(error));
    }
}
