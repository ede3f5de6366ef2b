// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;

namespace Tessera.Projects;

/// <summary>A project to create, as <c>POST /admin/projects</c> and <c>tessera projects create</c> take it, checked by <see cref="ProjectRules"/>.</summary>
internal sealed record ProjectRequest(string Name, string Slug, string Environment, Guid? WorkspaceId)
{
    public static Result<ProjectRequest> Parse(JsonObject body)
    {
        var name = ProjectRules.Name(body);
        var slug = ProjectRules.Slug(body);
        var environment = ProjectRules.Environment(body);
        var workspaceId = ProjectRules.OptionalId(body, "workspace_id");
        return (name.ErrorOrNull ?? slug.ErrorOrNull ?? environment.ErrorOrNull ?? workspaceId.ErrorOrNull) is { } invalid
            ? invalid
            : new ProjectRequest(name.Value, slug.Value, environment.Value, workspaceId.Value);
    }
}
