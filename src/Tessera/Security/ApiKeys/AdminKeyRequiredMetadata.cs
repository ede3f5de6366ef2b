// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary>
/// Endpoint metadata: the endpoint belongs to the admin API and answers only to an admin key (when
/// <c>serve.admin.auth</c> asks for one). The admin route group adds it, so no admin endpoint can go without.
/// </summary>
internal sealed class AdminKeyRequiredMetadata
{
    public static readonly AdminKeyRequiredMetadata Instance = new();

    private AdminKeyRequiredMetadata()
    {
    }
}
