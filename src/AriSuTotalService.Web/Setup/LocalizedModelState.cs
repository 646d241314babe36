using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace AriSuTotalService.Web.Setup;

/// <summary>
/// Every message a page puts beside a field is a resource key (the Korean text): after the handler, each one with a
/// translation is shown in the user's language. A message already in the user's language, or without a translation,
/// stays as it is.
/// </summary>
public sealed class LocalizedModelState(IStringLocalizer<SharedResource> l) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        foreach (var entry in executed.ModelState.Values)
        {
            for (var i = 0; i < entry.Errors.Count; i++)
            {
                var message = entry.Errors[i].ErrorMessage;
                if (string.IsNullOrEmpty(message)) continue;
                var text = l[message];
                if (!text.ResourceNotFound && text.Value != message) entry.Errors[i] = new ModelError(text.Value);
            }
        }
    }
}
