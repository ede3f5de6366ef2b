// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json.Nodes;
using Tessera.Projects;
using Tessera.Projects.Workspaces;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera projects create --name &lt;name&gt; --slug &lt;slug&gt; [--workspace &lt;id&gt;] [--environment &lt;e&gt;]</c>,
/// <c>list</c>, <c>delete &lt;id|slug&gt;</c>, and the <c>config</c> and <c>domains</c> groups: projects, straight on the
/// database with the admin API's own code (<see cref="ProjectRequest"/>, <see cref="ProjectEndpoints.CreateAsync"/>).
/// </summary>
internal static class ProjectsCommand
{
    private static readonly Option<string> Name = new("--name") { Description = "The project's name.", Required = true };
    private static readonly Option<string> Slug = new("--slug") { Description = "The project's slug (its subdomain under serve.public.base_domain).", Required = true };
    private static readonly Option<string?> Workspace = new("--workspace") { Description = "The workspace's id (none by default)." };
    private static readonly Option<string?> Environment = new("--environment") { Description = "production (default), sandbox, or another lowercase label." };
    private static readonly Option<string?> ListWorkspace = new("--workspace") { Description = "Only this workspace's projects." };
    private static readonly Argument<string> Project = new("project") { Description = "The project's id or slug." };

    public static Command Create()
    {
        var create = new Command("create", "Create a project and print its id.");
        foreach (var option in new Option[] { Name, Slug, Workspace, Environment })
        {
            create.Options.Add(option);
        }

        create.SetAction((parse, ct) => CliFailures.GuardAsync(() => CreateAsync(parse, ct)));

        var list = new Command("list", "List projects (id, slug, name, environment, workspace, created).");
        list.Options.Add(ListWorkspace);
        list.SetAction((parse, ct) => CliFailures.GuardAsync(() => ListAsync(parse, ct)));

        var delete = new Command("delete", "Delete a project and everything it holds (never the default project).");
        delete.Arguments.Add(Project);
        delete.SetAction((parse, ct) => CliFailures.GuardAsync(() => DeleteAsync(parse, ct)));

        var projects = new Command("projects", "Manage projects, their configuration overlays and domains (as /admin/projects).");
        projects.Subcommands.Add(create);
        projects.Subcommands.Add(list);
        projects.Subcommands.Add(delete);
        projects.Subcommands.Add(ProjectConfigCommand.Create());
        projects.Subcommands.Add(ProjectDomainsCommand.Create());
        return projects;
    }

    private static async Task<int> CreateAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var request = ProjectRequest.Parse(new JsonObject
        {
            ["name"] = parse.GetValue(Name),
            ["slug"] = parse.GetValue(Slug),
            ["environment"] = parse.GetValue(Environment),
            ["workspace_id"] = parse.GetValue(Workspace),
        });
        if (!request.Succeeded)
        {
            throw CliFailure.Of(request.Error);
        }

        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var created = await ProjectEndpoints.CreateAsync(
            request.Value,
            app.Services.GetRequiredService<ProjectStore>(),
            app.Services.GetRequiredService<WorkspaceStore>(),
            app.Services.GetRequiredService<TimeProvider>(),
            cancellationToken);
        if (!created.Succeeded)
        {
            throw CliFailure.Of(created.Error);
        }

        await Console.Error.WriteLineAsync($"Created project {created.Value.Id} ({created.Value.Slug}).");
        await Console.Out.WriteLineAsync(created.Value.Id.ToString());
        return 0;
    }

    private static async Task<int> ListAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        Guid? workspace = null;
        if (parse.GetValue(ListWorkspace) is { } text)
        {
            workspace = Guid.TryParse(text, out var id) ? id : throw CliFailure.Of(ProjectRules.Invalid("--workspace must be a UUID"));
        }

        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        await Console.Out.WriteLineAsync("ID\tSLUG\tNAME\tENVIRONMENT\tWORKSPACE\tCREATED");
        foreach (var project in await app.Services.GetRequiredService<ProjectStore>().ListAsync(workspace, cancellationToken))
        {
            await Console.Out.WriteLineAsync(string.Join(
                '\t', project.Id, project.Slug, project.Name, project.Environment, project.WorkspaceId?.ToString() ?? "-", CliFormat.Time(project.CreatedAt)));
        }

        return 0;
    }

    private static async Task<int> DeleteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var project = await CliProjects.FindAsync(app.Services, parse.GetValue(Project)!, cancellationToken);
        if (await ProjectEndpoints.DeleteAsync(project.Id, app.Services.GetRequiredService<ProjectStore>(), cancellationToken) is { } refused)
        {
            throw CliFailure.Of(refused);
        }

        await Console.Out.WriteLineAsync($"Deleted project {project.Id} ({project.Slug}).");
        return 0;
    }
}
