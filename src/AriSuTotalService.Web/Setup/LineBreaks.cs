using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace AriSuTotalService.Web.Setup;

/// <summary>
/// A textarea's line breaks arrive as CR LF, but the browser counted each as one character against the field's
/// <c>maxlength</c>: a note typed to the limit would be too long for its column. Text bound from forms, queries and
/// routes is kept with LF line breaks, so what the browser accepted fits.
/// </summary>
public sealed class LineBreakModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(string)) return null;
        var source = context.BindingInfo.BindingSource;
        if (source is not null && source != BindingSource.Form && source != BindingSource.Query && source != BindingSource.Path
            && source != BindingSource.ModelBinding)
            return null;
        return new LineBreakModelBinder(new SimpleTypeModelBinder(typeof(string),
            context.Services.GetRequiredService<ILoggerFactory>()));
    }

    public static string Normalise(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    private sealed class LineBreakModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string text } && text.Contains('\r', StringComparison.Ordinal))
                bindingContext.Result = ModelBindingResult.Success(Normalise(text));
        }
    }
}
