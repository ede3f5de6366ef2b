// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Domains;

/// <summary>A verification's outcome: the domain as it is now and, while it is still pending, why.</summary>
internal sealed record DomainCheck(ProjectDomain Domain, string? Problem)
{
    public DomainResponse ToResponse() => Domain.ToResponse(Problem);
}
