// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Routing;

/// <summary>A host that serves: <paramref name="ProjectId"/> is the project entered for it, null for the default project.</summary>
internal sealed record ProjectHostMatch(Guid? ProjectId)
{
    public static readonly ProjectHostMatch DefaultProject = new((Guid?)null);
}
