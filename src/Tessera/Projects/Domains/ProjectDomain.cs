// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Domains;

/// <summary>A host name bound to a project; <see cref="VerificationToken"/> is what its TXT record must carry.</summary>
internal sealed record ProjectDomain(
    Guid Id, Guid ProjectId, string Hostname, string State, string VerificationToken, DateTimeOffset? VerifiedAt, DateTimeOffset CreatedAt)
{
    public const string RecordPrefix = "_tessera-verification.";
    public const string ValuePrefix = "tessera-verification=";

    /// <param name="stateReason">Why the domain is still pending, after a verification that did not find its record.</param>
    public DomainResponse ToResponse(string? stateReason = null) => new(
        Id, ProjectId, Hostname, State, stateReason,
        new DomainVerification("dns_txt", RecordPrefix + Hostname, ValuePrefix + VerificationToken), VerifiedAt, CreatedAt);
}
