// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>Kratos's identity states.</summary>
internal static class IdentityStates
{
    public const string Active = "active";
    public const string Inactive = "inactive";

    public static bool IsValid(string? state) => state is Active or Inactive;
}
