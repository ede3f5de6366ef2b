// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Domains;

/// <summary>What proves control of a domain: a TXT record named <see cref="Name"/> whose text is <see cref="Value"/>.</summary>
internal sealed record DomainVerification(string Type, string Name, string Value);
