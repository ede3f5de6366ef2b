// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects;

/// <summary>
/// A project: a network row (its id is every table's <c>nid</c>). The default project, created at start-up for
/// single-project deployments, has the slug <c>default</c>, no workspace and the environment <c>production</c>.
/// </summary>
internal sealed record Project(Guid Id, string Slug, string Name, string Environment, Guid? WorkspaceId, DateTimeOffset CreatedAt);
