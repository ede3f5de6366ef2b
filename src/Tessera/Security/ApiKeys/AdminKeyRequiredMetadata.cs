// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary>
/// Endpoint metadata: the endpoint belongs to the admin API and answers only to a key (when <c>serve.admin.auth</c>
/// asks for one) of a kind its <see cref="Access"/> class admits. The admin route groups add it, so no admin endpoint
/// can go without; <see cref="Target"/> says what its <c>{id}</c> route value names.
/// </summary>
internal sealed record AdminKeyRequiredMetadata(AdminAccess Access, AdminRouteTarget Target = AdminRouteTarget.None)
{
    public const string RouteKey = "id";

    public static readonly AdminKeyRequiredMetadata Instance = new(AdminAccess.Project);
}
