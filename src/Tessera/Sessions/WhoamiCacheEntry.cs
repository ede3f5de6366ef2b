// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>One whoami answer rendered to JSON, as <see cref="WhoamiCache"/> keeps it.</summary>
internal sealed record WhoamiCacheEntry(Guid IdentityId, byte[] Body);
