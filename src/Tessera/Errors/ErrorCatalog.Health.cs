// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the readiness probe.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor StorageUnavailable = new(
        "storage_unavailable", 503,
        "The service is not ready: its database cannot be reached.",
        "The database named by the dsn did not answer.",
        "The database server is down, unreachable from this node, or refuses the credentials in the dsn.",
        "Check that the database is running and reachable from this node and that `dsn` (env DSN) is right; the node becomes ready by itself once it can connect.",
        "/health/ready answers 503: the database cannot be reached");

    public static readonly ErrorDescriptor StorageNotMigrated = new(
        "storage_not_migrated", 503,
        "The service is not ready: its database schema is out of date.",
        "The database has migrations that were not applied.",
        "A new Tessera version brought schema migrations that have not been run against this database.",
        "Run `tessera migrate sql -e --yes` with the same dsn (or start with --migrate), then the node becomes ready.",
        "/health/ready answers 503: migrations are pending");
}
