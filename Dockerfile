# Build and run the web application (production: SQL Server, see docker-compose.yml and docs/operations.md).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The package restore is its own layer: it is redone only when a project file or the package versions change.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/AriSuTotalService.Domain/AriSuTotalService.Domain.csproj src/AriSuTotalService.Domain/
COPY src/AriSuTotalService.Infrastructure/AriSuTotalService.Infrastructure.csproj src/AriSuTotalService.Infrastructure/
COPY src/AriSuTotalService.Migrations.Sqlite/AriSuTotalService.Migrations.Sqlite.csproj src/AriSuTotalService.Migrations.Sqlite/
COPY src/AriSuTotalService.Migrations.SqlServer/AriSuTotalService.Migrations.SqlServer.csproj src/AriSuTotalService.Migrations.SqlServer/
COPY src/AriSuTotalService.Web/AriSuTotalService.Web.csproj src/AriSuTotalService.Web/
RUN dotnet restore src/AriSuTotalService.Web/AriSuTotalService.Web.csproj
COPY src/ src/
RUN dotnet publish src/AriSuTotalService.Web/AriSuTotalService.Web.csproj -c Release -o /app --nologo --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends wget tzdata && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data && chown app:app /data
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 DataFolder=/data TZ=Asia/Seoul
# The image's unprivileged user (not root); it owns only the data folder.
USER app
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "AriSuTotalService.Web.dll"]
