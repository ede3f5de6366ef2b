// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Domains;

/// <summary>A custom domain's state: <c>pending</c> until its DNS TXT record was found, then <c>active</c> (it serves).</summary>
internal static class DomainState
{
    public const string Pending = "pending";
    public const string Active = "active";
}
