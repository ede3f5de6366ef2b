// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using Tessera.Projects;
using Tessera.Projects.Workspaces;
using Tessera.Security.ApiKeys;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera keys create --name &lt;name&gt; [--expires-at &lt;time&gt;] [--project &lt;id|slug&gt; | --workspace &lt;id&gt;]</c>,
/// <c>list</c>, <c>revoke &lt;id&gt;</c> (alias <c>delete</c>): API keys, straight on the database (the way to make the first
/// key when <c>serve.admin.auth.required</c> is <c>true</c>). Without <c>--project</c> or <c>--workspace</c> they are
/// the admin keys. <c>create</c> prints the key once; nothing can show it again.
/// </summary>
internal static class KeysCommand
{
    private static readonly Option<string> Name = new("--name") { Description = "What the key is for (shown in listings).", Required = true };
    private static readonly Option<string?> ExpiresAt = new("--expires-at") { Description = "When the key stops working (RFC 3339); never by default." };
    private static readonly Argument<Guid> Id = new("id") { Description = "The key's id (from `tessera keys list`)." };

    public static Command Create()
    {
        var create = new Command("create", "Create an API key (admin by default; --project or --workspace for those kinds) and print it (once).");
        create.Options.Add(Name);
        create.Options.Add(ExpiresAt);
        var (createProject, createWorkspace) = AddOwnerOptions(create);
        create.SetAction((parse, ct) => CliFailures.GuardAsync(() => CreateAsync(parse, createProject, createWorkspace, ct)));

        var list = new Command("list", "List API keys (id, name, hint, state) of the deployment, a project or a workspace; never their values.");
        var (listProject, listWorkspace) = AddOwnerOptions(list);
        list.SetAction((parse, ct) => CliFailures.GuardAsync(() => ListAsync(parse, listProject, listWorkspace, ct)));

        var revoke = new Command("revoke", "Revoke an API key; it stops working within 1 s on every server.");
        revoke.Aliases.Add("delete");
        revoke.Arguments.Add(Id);
        var (revokeProject, revokeWorkspace) = AddOwnerOptions(revoke);
        revoke.SetAction((parse, ct) => CliFailures.GuardAsync(() => RevokeAsync(parse, revokeProject, revokeWorkspace, ct)));

        var keys = new Command("keys", "Manage API keys: admin keys (serve.admin.auth), project keys and workspace keys.");
        keys.Subcommands.Add(create);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(revoke);
        return keys;
    }

    private static (Option<string?> Project, Option<string?> Workspace) AddOwnerOptions(Command command)
    {
        var project = new Option<string?>("--project") { Description = "A project key: the project's id or slug." };
        var workspace = new Option<string?>("--workspace") { Description = "A workspace key: the workspace's id." };
        command.Options.Add(project);
        command.Options.Add(workspace);
        return (project, workspace);
    }

    private static async Task<int> CreateAsync(ParseResult parse, Option<string?> project, Option<string?> workspace, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var owner = await OwnerAsync(app.Services, parse.GetValue(project), parse.GetValue(workspace), cancellationToken);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var request = ApiKeyRequestParser.Validate(parse.GetValue(Name), parse.GetValue(ExpiresAt), clock.GetUtcNow());
        if (!request.Succeeded)
        {
            throw new CliFailure(request.Error.EffectiveReason);
        }

        var (key, value) = await app.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync(owner, request.Value.Name, request.Value.ExpiresAt, cancellationToken);
        await Console.Error.WriteLineAsync($"Created {key.Kind} key {key.Id} ({key.Name}). It is shown only now: store it safely.");
        await Console.Out.WriteLineAsync(value);
        return 0;
    }

    private static async Task<int> ListAsync(ParseResult parse, Option<string?> project, Option<string?> workspace, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var owner = await OwnerAsync(app.Services, parse.GetValue(project), parse.GetValue(workspace), cancellationToken);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await Console.Out.WriteLineAsync("ID\tNAME\tHINT\tSTATE\tCREATED\tLAST USED");
        foreach (var key in await app.Services.GetRequiredService<ApiKeyStore>().ListAsync(owner, cancellationToken))
        {
            var state = key.RevokedAt is not null ? "revoked" : key.IsUsableAt(now) ? "active" : "expired";
            await Console.Out.WriteLineAsync(string.Join('\t', key.Id, key.Name, key.Hint, state, CliFormat.Time(key.CreatedAt), key.LastUsedAt is { } used ? CliFormat.Time(used) : "never"));
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(ParseResult parse, Option<string?> project, Option<string?> workspace, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var owner = await OwnerAsync(app.Services, parse.GetValue(project), parse.GetValue(workspace), cancellationToken);
        var id = parse.GetValue(Id);
        var store = app.Services.GetRequiredService<ApiKeyStore>();
        if (!await store.RevokeAsync(owner, id, cancellationToken) && await store.FindAsync(owner, id, cancellationToken) is null)
        {
            throw new CliFailure($"no {owner.Kind.Name} key with id {id}");
        }

        await Console.Out.WriteLineAsync($"Revoked {owner.Kind.Name} key {id}.");
        return 0;
    }

    private static async Task<ApiKeyOwner> OwnerAsync(IServiceProvider services, string? project, string? workspace, CancellationToken cancellationToken)
    {
        if (project is not null && workspace is not null)
        {
            throw new CliFailure("--project and --workspace cannot be combined: a key belongs to one project or one workspace");
        }

        if (project is not null)
        {
            return new ApiKeyOwner(ApiKeyKind.Project, (await CliProjects.FindAsync(services, project, cancellationToken)).Id);
        }

        if (workspace is not null)
        {
            return Guid.TryParse(workspace, out var id) && await services.GetRequiredService<WorkspaceStore>().FindAsync(id, cancellationToken) is not null
                ? new ApiKeyOwner(ApiKeyKind.Workspace, id)
                : throw new CliFailure($"no workspace with id {workspace}");
        }

        return services.GetRequiredService<ApiKeyStore>().AdminOwner;
    }
}
