// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>A stored update of an identity: whether it set a new password, and whether it took the identity from active to inactive.</summary>
internal sealed record IdentityChange(Guid IdentityId, bool PasswordChanged, bool Deactivated)
{
    public bool Matters => PasswordChanged || Deactivated;
}
