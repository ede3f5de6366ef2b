// SPDX-License-Identifier: Apache-2.0
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Projects.Overlays;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera projects config get &lt;project&gt;</c> and <c>set &lt;project&gt; (--file overlay.json|yml | key=value...)</c>:
/// a project's configuration overlay, changed by the admin API's own code (<see cref="ProjectOverlayChange"/>): an RFC
/// 7396 merge patch validated exactly as <c>PATCH /admin/projects/{id}/config</c> validates it. A <c>key=value</c> pair
/// sets one dotted key; the value is read as JSON when it is JSON (<c>3</c>, <c>true</c>, <c>null</c> removes the key,
/// <c>["a"]</c>) and as a string otherwise. A refusal prints the catalog error naming the key and stores nothing.
/// </summary>
internal static class ProjectConfigCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly Argument<string> Project = new("project") { Description = "The project's id or slug." };
    private static readonly Argument<string[]> Pairs = new("key=value") { Description = "A dotted key and its value (JSON, or a string); repeat for several.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> File = new("--file") { Description = "A merge patch as a JSON or YAML file; - reads standard input." };

    public static Command Create()
    {
        var get = new Command("get", "Print a project's configuration overlay and its version as JSON.");
        get.Arguments.Add(Project);
        get.SetAction((parse, ct) => CliFailures.GuardAsync(() => GetAsync(parse, ct)));

        var set = new Command("set", "Merge a patch (a file and/or key=value pairs) into a project's overlay, validated as the admin API validates it.");
        set.Arguments.Add(Project);
        set.Arguments.Add(Pairs);
        set.Options.Add(File);
        set.SetAction((parse, ct) => CliFailures.GuardAsync(() => SetAsync(parse, ct)));

        var config = new Command("config", "Read or change a project's configuration overlay (as /admin/projects/{id}/config).");
        config.Subcommands.Add(get);
        config.Subcommands.Add(set);
        return config;
    }

    private static async Task<int> GetAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var project = await CliProjects.FindAsync(app.Services, parse.GetValue(Project)!, cancellationToken);
        var overlay = await app.Services.GetRequiredService<ProjectOverlayStore>().GetAsync(project.Id, cancellationToken);
        await Print(new ProjectConfigResponse(project.Id, overlay.Version, ProjectOverlaySecrets.Redact(overlay.Values), []));
        return 0;
    }

    private static async Task<int> SetAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var patch = await PatchAsync(parse, cancellationToken);
        await using var app = await CliServices.OpenAsync(parse, cancellationToken);
        var project = await CliProjects.FindAsync(app.Services, parse.GetValue(Project)!, cancellationToken);
        var changed = await app.Services.GetRequiredService<ProjectOverlayChange>().ApplyAsync(project.Id, patch, null, cancellationToken);
        if (!changed.Succeeded)
        {
            throw CliFailure.Of(changed.Error);
        }

        foreach (var warning in changed.Value.Warnings)
        {
            await Console.Error.WriteLineAsync($"tessera: warning: {warning}");
        }

        await Print(changed.Value);
        return 0;
    }

    private static async Task Print(ProjectConfigResponse response) =>
        await Console.Out.WriteLineAsync(new JsonObject
        {
            ["project_id"] = response.ProjectId,
            ["version"] = response.Version,
            ["overlay"] = response.Overlay.DeepClone(),
        }.ToJsonString(Indented));

    private static async Task<JsonObject> PatchAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var patch = parse.GetValue(File) switch
        {
            null => [],
            "-" => YamlConfigurationFile.Parse(await Console.In.ReadToEndAsync(cancellationToken), "standard input"),
            var path => YamlConfigurationFile.Load(path),
        };
        foreach (var pair in parse.GetValue(Pairs) ?? [])
        {
            Set(patch, pair);
        }

        return patch.Count > 0 ? patch : throw new CliFailure("nothing to set: pass --file or key=value pairs");
    }

    private static void Set(JsonObject patch, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        var keys = equals > 0 ? pair[..equals].Split('.') : [];
        if (keys.Length == 0 || keys.Any(k => k.Length == 0))
        {
            throw new CliFailure($"\"{pair}\" is not key=value with a dotted key (e.g. session.lifespan=1h)");
        }

        var node = patch;
        foreach (var key in keys[..^1])
        {
            node = node[key] as JsonObject ?? (JsonObject)(node[key] = new JsonObject());
        }

        node[keys[^1]] = Value(pair[(equals + 1)..]);
    }

    private static JsonNode? Value(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
