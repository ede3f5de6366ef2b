// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json.Nodes;
using Tessera.Projects;
using Tessera.Projects.Workspaces;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera workspaces create --name &lt;name&gt;</c>, <c>list</c>: workspaces (groups of projects), straight on the
/// database with the admin API's own rules (<see cref="ProjectRules"/>, <see cref="WorkspaceStore"/>).
/// </summary>
internal static class WorkspacesCommand
{
    private static readonly Option<string> Name = new("--name") { Description = "The workspace's name.", Required = true };

    public static Command Create()
    {
        var create = new Command("create", "Create a workspace and print its id.");
        create.Options.Add(Name);
        create.SetAction((parse, ct) => CliFailures.GuardAsync(() => CreateAsync(parse, ct)));

        var list = new Command("list", "List workspaces (id, name, created).");
        list.SetAction((parse, ct) => CliFailures.GuardAsync(() => ListAsync(parse, ct)));

        var workspaces = new Command("workspaces", "Manage workspaces (as /admin/workspaces).");
        workspaces.Subcommands.Add(create);
        workspaces.Subcommands.Add(list);
        return workspaces;
    }

    private static async Task<int> CreateAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var name = ProjectRules.Name(new JsonObject { ["name"] = parse.GetValue(Name) });
        if (!name.Succeeded)
        {
            throw CliFailure.Of(name.Error);
        }

        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var workspace = new Workspace(Guid.NewGuid(), name.Value, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        await app.Services.GetRequiredService<WorkspaceStore>().InsertAsync(workspace, cancellationToken);
        await Console.Error.WriteLineAsync($"Created workspace {workspace.Id} ({workspace.Name}).");
        await Console.Out.WriteLineAsync(workspace.Id.ToString());
        return 0;
    }

    private static async Task<int> ListAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        await Console.Out.WriteLineAsync("ID\tNAME\tCREATED");
        foreach (var workspace in await app.Services.GetRequiredService<WorkspaceStore>().ListAsync(cancellationToken))
        {
            await Console.Out.WriteLineAsync(string.Join('\t', workspace.Id, workspace.Name, CliFormat.Time(workspace.CreatedAt)));
        }

        return 0;
    }
}
