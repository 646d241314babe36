using AriSuTotalService.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AriSuTotalService.Web.Setup;

/// <summary>
/// The last line behind every page's own length checks: a text too long for its column, refused at save, answers
/// 400 with the message naming the field (nothing was saved) instead of an error page.
/// </summary>
public sealed class TextTooLongFilter(ILogger<TextTooLongFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is TextTooLongException tooLong && !executed.ExceptionHandled)
        {
            logger.LogWarning("Refused a save on {Page}: {Entity}.{Field} is {Length} characters, the column holds {Max}",
                context.ActionDescriptor.ViewEnginePath, tooLong.Entity, tooLong.Field, tooLong.Length, tooLong.MaxLength);
            executed.ExceptionHandled = true;
            executed.Result = new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentType = "text/plain; charset=utf-8",
                Content = tooLong.Message,
            };
        }
    }
}
