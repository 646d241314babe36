using AriSuTotalService.Infrastructure;
using AriSuTotalService.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.ListenWhereAsked();
builder.AddArisuLogging();
builder.Services
    .AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath)
    .AddWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

// `migrate` and `create-admin` are operations commands: they run and exit without serving.
if (await Commands.TryRunAsync(app, args)) return;

await app.InitializeAsync();
app.UseArisuPipeline();
app.MapArisuEndpoints();
app.Run();

public partial class Program;
