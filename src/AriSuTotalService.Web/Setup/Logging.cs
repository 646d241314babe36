using AriSuTotalService.Infrastructure.Data;
using Serilog;
using Serilog.Events;

namespace AriSuTotalService.Web.Setup;

public static class Logging
{
    /// <summary>
    /// Serilog to the console and a daily rolling file under the data folder (<c>logs/arisu-yyyyMMdd.log</c>, 90 files kept).
    /// Customer names and phone numbers are never written: requests are logged by path only (no query string),
    /// and no code logs personal fields.
    /// </summary>
    public static WebApplicationBuilder AddArisuLogging(this WebApplicationBuilder builder)
    {
        var db = DatabaseOptions.From(builder.Configuration, builder.Environment.ContentRootPath);
        var logFolder = builder.Configuration["Logging:Folder"] is { Length: > 0 } f ? f : Path.Combine(db.DataFolder, "logs");
        builder.Services.AddSerilog((services, lc) => lc
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            // Written by a background thread: a request only queues its line (the console and the shared file take a
            // lock and a flush per line). A full queue makes the writer wait rather than drop lines.
            .WriteTo.Async(a => a
                .Console(ConsoleFormatter(builder.Configuration))
                .WriteTo.File(Path.Combine(logFolder, "arisu-.log"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 90,
                    restrictedToMinimumLevel: LogEventLevel.Information,
                    shared: true,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"),
                blockWhenFull: true),
            // This application's own logger, not the process-wide static one (several hosts may share a process).
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// <c>Logging__Format</c>: <c>text</c> (default, one readable line per event) or <c>json</c> (Serilog's compact JSON,
    /// one object per line, for a log collector reading the container's output).
    /// </summary>
    public static Serilog.Formatting.ITextFormatter ConsoleFormatter(IConfiguration config) => config["Logging:Format"]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "text" => new Serilog.Formatting.Display.MessageTemplateTextFormatter(
            "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}", System.Globalization.CultureInfo.InvariantCulture),
        "json" => new Serilog.Formatting.Compact.CompactJsonFormatter(),
        var other => throw new Infrastructure.SettingsException([$"Logging__Format must be text or json, not '{other}'."]),
    };

    /// <summary>One line per request: method, path (without query string), status, time, user and correlation id.</summary>
    public static IApplicationBuilder UseArisuRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} → {StatusCode} in {Elapsed:0} ms by {UserName} [{CorrelationId}]";
            o.IncludeQueryInRequestPath = false;
            // A path that is itself a credential (the calendar feed's secret address) is logged without the secret.
            o.GetMessageTemplateProperties = (ctx, path, elapsed, status) =>
            [
                new Serilog.Events.LogEventProperty("RequestMethod", new Serilog.Events.ScalarValue(ctx.Request.Method)),
                new Serilog.Events.LogEventProperty("RequestPath", new Serilog.Events.ScalarValue(RedactedPath(path))),
                new Serilog.Events.LogEventProperty("StatusCode", new Serilog.Events.ScalarValue(status)),
                new Serilog.Events.LogEventProperty("Elapsed", new Serilog.Events.ScalarValue(elapsed)),
            ];
            o.GetLevel = (ctx, _, ex) => ex is not null || ctx.Response.StatusCode >= 500
                ? LogEventLevel.Error
                : ctx.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose : LogEventLevel.Information;
            o.EnrichDiagnosticContext = (diag, ctx) =>
            {
                diag.Set("UserName", ctx.User.Identity?.IsAuthenticated == true ? ctx.User.Identity.Name : "-");
                diag.Set("CorrelationId", ctx.TraceIdentifier);
            };
        });

    /// <summary>The request path as logs may hold it: the calendar feed's secret replaced by asterisks.</summary>
    public static string RedactedPath(string path) =>
        path.StartsWith("/calendar/", StringComparison.OrdinalIgnoreCase) ? "/calendar/***.ics" : path;
}
