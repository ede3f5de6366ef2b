// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Domains;

/// <summary>A host name bound to a project; <see cref="VerificationToken"/> is what its TXT record must carry.</summary>
internal sealed record ProjectDomain(
    Guid Id, Guid ProjectId, string Hostname, string State, string VerificationToken, DateTimeOffset? VerifiedAt, DateTimeOffset CreatedAt)
{
    public const string RecordPrefix = "_tessera-verification.";
    public const string ValuePrefix = "tessera-verification=";

    public DomainResponse ToResponse() => new(
        Id, ProjectId, Hostname, State, new DomainVerification("dns_txt", RecordPrefix + Hostname, ValuePrefix + VerificationToken), VerifiedAt, CreatedAt);
}
