// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Domains;

/// <summary>
/// A domain as the admin API shows it: the TXT record to publish is in <see cref="Verification"/>; after a verify
/// that left it pending, <see cref="StateReason"/> says why (no record, another value, NXDOMAIN, SERVFAIL, timeout).
/// </summary>
internal sealed record DomainResponse(
    Guid Id, Guid ProjectId, string Hostname, string State, string? StateReason, DomainVerification Verification, DateTimeOffset? VerifiedAt, DateTimeOffset CreatedAt);
