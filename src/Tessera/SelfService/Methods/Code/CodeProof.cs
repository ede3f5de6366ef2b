// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;

namespace Tessera.SelfService.Methods.Code;

/// <summary>What a submitted code proved: the identity behind it, or nothing; <see cref="Exhausted"/> when the flow had no guesses left.</summary>
internal sealed record CodeProof(Identity? Identity, bool Exhausted)
{
    public static readonly CodeProof Wrong = new(null, false);

    public static CodeProof From(CodeCheck check) => check.Exhausted ? new(null, true) : Wrong;
}
