// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>Kratos's <c>featureRequiredAal</c>: <c>aal1</c> or <c>highest_available</c>.</summary>
internal enum RequiredAal
{
    Aal1,
    HighestAvailable,
}
