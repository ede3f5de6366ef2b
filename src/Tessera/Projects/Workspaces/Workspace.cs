// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Workspaces;

/// <summary>A workspace: a named group of projects, managed together (and, later, limited together).</summary>
internal sealed record Workspace(Guid Id, string Name, DateTimeOffset CreatedAt);
