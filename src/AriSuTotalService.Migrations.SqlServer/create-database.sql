-- The DBA's first step on an empty SQL Server instance (docs/operations.md, "SQL Server: from an empty instance"):
-- the database with the settings the application needs, a migration login that may change the schema and a runtime
-- login that may only read and write. Run as a server administrator, with sqlcmd stopping at the first error:
--   sqlcmd -b -I -S <server> -U <admin> -i create-database.sql \
--     -v DATABASE=Arisu COLLATION=Korean_100_CI_AS MIGRATE_PASSWORD='…' APP_PASSWORD='…'
-- Idempotent: an existing database or login is left as it is (a password is not changed).
SET NOCOUNT ON;
SET XACT_ABORT ON;

IF DB_ID(N'$(DATABASE)') IS NULL
BEGIN
    -- Any collation: the application's temporary tables take the database's own (COLLATE DATABASE_DEFAULT).
    CREATE DATABASE [$(DATABASE)] COLLATE $(COLLATION);
    PRINT 'Created database $(DATABASE) ($(COLLATION))';
END
GO

-- Set here so that the migrations find them set and need no ALTER DATABASE right: the compatibility level the queries
-- are translated for (150 or above) and read-committed snapshot (readers never wait behind an import).
IF (SELECT [compatibility_level] FROM sys.databases WHERE [name] = N'$(DATABASE)') < 150
    ALTER DATABASE [$(DATABASE)] SET COMPATIBILITY_LEVEL = 160;
IF (SELECT [is_read_committed_snapshot_on] FROM sys.databases WHERE [name] = N'$(DATABASE)') = 0
    ALTER DATABASE [$(DATABASE)] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
GO

IF SUSER_ID(N'arisu_migrate') IS NULL CREATE LOGIN [arisu_migrate] WITH PASSWORD = N'$(MIGRATE_PASSWORD)', CHECK_POLICY = ON;
IF SUSER_ID(N'arisu_app') IS NULL CREATE LOGIN [arisu_app] WITH PASSWORD = N'$(APP_PASSWORD)', CHECK_POLICY = ON;
GO

USE [$(DATABASE)];
GO

-- The migration login: the schema (tables, indexes, the job storage's schema) and the reference data it seeds.
IF USER_ID(N'arisu_migrate') IS NULL CREATE USER [arisu_migrate] FOR LOGIN [arisu_migrate];
ALTER ROLE [db_ddladmin] ADD MEMBER [arisu_migrate];
ALTER ROLE [db_datareader] ADD MEMBER [arisu_migrate];
ALTER ROLE [db_datawriter] ADD MEMBER [arisu_migrate];

-- The runtime login of every web node and job server: rows only, no DDL (Hangfire's schema is the migrations').
IF USER_ID(N'arisu_app') IS NULL CREATE USER [arisu_app] FOR LOGIN [arisu_app];
ALTER ROLE [db_datareader] ADD MEMBER [arisu_app];
ALTER ROLE [db_datawriter] ADD MEMBER [arisu_app];
GRANT EXECUTE TO [arisu_app];
GO
PRINT 'Database $(DATABASE): logins arisu_migrate (schema) and arisu_app (runtime) ready.';
GO
