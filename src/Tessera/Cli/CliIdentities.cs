// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using Tessera.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Hashing;
using Tessera.Hosting.Outbound;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.Persistence;
using Tessera.Persistence.Migrations;
using Tessera.Projects.Overlays;

namespace Tessera.Cli;

/// <summary>
/// The identity services wired by hand for the CLI, straight on the database (no server, no HTTP): the DSN and
/// schemas come from the configuration files and environment, as for <c>serve</c>.
/// </summary>
internal sealed class CliIdentities : IAsyncDisposable
{
    private readonly Database _database;

    private CliIdentities(Database database, IdentityStore store, IdentityManager manager, Uri publicBaseUrl)
    {
        _database = database;
        Store = store;
        Manager = manager;
        PublicBaseUrl = publicBaseUrl;
    }

    public IdentityStore Store { get; }

    public IdentityManager Manager { get; }

    public Uri PublicBaseUrl { get; }

    public static async Task<CliIdentities> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var config = CliOptions.Load(parse);
        var database = new Database(PersistenceOptions.Bind(config).Dsn);
        try
        {
            var clock = TimeProvider.System;
            if (await new Migrator(database, clock).PendingCountAsync(cancellationToken) > 0)
            {
                throw new CliFailure("the database has pending migrations; run `tessera migrate sql -e --yes` first");
            }

            var network = new NetworkContext(database, clock);
            await network.InitialiseAsync(cancellationToken);
            var identityOptions = IdentityOptions.Bind(config);
            var hashers = HashersOptions.Bind(config);
            var store = new IdentityStore(database, network, new LocalWrites());
            var manager = new IdentityManager(store, new IdentitySchemaRegistry(ProjectOptions<IdentityOptions>.Fixed(identityOptions), identityOptions), new PasswordHasher(hashers),
                CliPasswordPolicy(config, hashers, clock), clock, []);
            var serve = ServeOptions.Bind(config);
            var baseUrl = serve.Public.BaseUrl ?? new Uri($"http://{serve.Public.Host}:{serve.Public.Port}/");
            return new CliIdentities(database, store, manager, baseUrl);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    // The breach check as the server does it, through the same guarded outbound client; the CLI logs nothing of it.
    private static PasswordPolicy CliPasswordPolicy(ConfigurationTree config, HashersOptions hashers, TimeProvider clock)
    {
        var options = PasswordPolicyOptions.Bind(config);
        var http = OutboundHttpRegistration.CreateClient(OutboundHttpOptions.Bind(config), NullLogger.Instance);
        return new PasswordPolicy(ProjectOptions<PasswordPolicyOptions>.Fixed(options), hashers, new BreachedPasswordsApi(http, options, clock, NullLogger.Instance));
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
