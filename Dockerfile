# Build and run the web application (production: SQL Server, see docker-compose.yml and docs/operations.md).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ src/
RUN dotnet publish src/AriSuTotalService.Web/AriSuTotalService.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends wget tzdata && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 DataFolder=/data TZ=Asia/Seoul
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "AriSuTotalService.Web.dll"]
