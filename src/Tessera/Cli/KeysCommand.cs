// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Globalization;
using Tessera.Security.ApiKeys;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera keys create --name &lt;name&gt; [--expires-at &lt;time&gt;]</c>, <c>list</c>, <c>revoke &lt;id&gt;</c>: the
/// admin API keys, straight on the database (the way to make the first key when <c>serve.admin.auth.required</c>
/// is <c>true</c>). <c>create</c> prints the key once; nothing can show it again.
/// </summary>
internal static class KeysCommand
{
    private static readonly Option<string> Name = new("--name") { Description = "What the key is for (shown in listings).", Required = true };
    private static readonly Option<string?> ExpiresAt = new("--expires-at") { Description = "When the key stops working (RFC 3339); never by default." };
    private static readonly Argument<Guid> Id = new("id") { Description = "The key's id (from `tessera keys list`)." };

    public static Command Create()
    {
        var create = new Command("create", "Create an admin API key and print it (once).");
        create.Options.Add(Name);
        create.Options.Add(ExpiresAt);
        create.SetAction((parse, ct) => CliFailures.GuardAsync(() => CreateAsync(parse, ct)));

        var list = new Command("list", "List admin API keys (id, name, hint, state); never their values.");
        list.SetAction((parse, ct) => CliFailures.GuardAsync(() => ListAsync(parse, ct)));

        var revoke = new Command("revoke", "Revoke an admin API key; it stops working within 1 s on every server.");
        revoke.Arguments.Add(Id);
        revoke.SetAction((parse, ct) => CliFailures.GuardAsync(() => RevokeAsync(parse, ct)));

        var keys = new Command("keys", "Manage the admin API's keys (serve.admin.auth).");
        keys.Subcommands.Add(create);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(revoke);
        return keys;
    }

    private static async Task<int> CreateAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var request = ApiKeyRequestParser.Validate(parse.GetValue(Name), parse.GetValue(ExpiresAt), clock.GetUtcNow());
        if (!request.Succeeded)
        {
            throw new CliFailure(request.Error.EffectiveReason);
        }

        var (key, value) = await app.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync(ApiKeyKind.Admin, request.Value.Name, request.Value.ExpiresAt, cancellationToken);
        await Console.Error.WriteLineAsync($"Created admin key {key.Id} ({key.Name}). It is shown only now: store it safely.");
        await Console.Out.WriteLineAsync(value);
        return 0;
    }

    private static async Task<int> ListAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await Console.Out.WriteLineAsync("ID\tNAME\tHINT\tSTATE\tCREATED\tLAST USED");
        foreach (var key in await app.Services.GetRequiredService<ApiKeyStore>().ListAsync(ApiKeyKind.Admin.Name, cancellationToken))
        {
            var state = key.RevokedAt is not null ? "revoked" : key.IsUsableAt(now) ? "active" : "expired";
            await Console.Out.WriteLineAsync(string.Join('\t', key.Id, key.Name, key.Hint, state, Time(key.CreatedAt), key.LastUsedAt is { } used ? Time(used) : "never"));
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var id = parse.GetValue(Id);
        var store = app.Services.GetRequiredService<ApiKeyStore>();
        if (!await store.RevokeAsync(ApiKeyKind.Admin.Name, id, cancellationToken) && await store.FindAsync(ApiKeyKind.Admin.Name, id, cancellationToken) is null)
        {
            throw new CliFailure($"no admin key with id {id}");
        }

        await Console.Out.WriteLineAsync($"Revoked admin key {id}.");
        return 0;
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
