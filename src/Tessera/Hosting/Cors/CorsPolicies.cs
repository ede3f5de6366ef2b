// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hosting.Cors;

/// <summary>The CORS settings of each listener: <c>serve.public.cors</c> and <c>serve.admin.cors</c>.</summary>
internal sealed record CorsPolicies(CorsOptions Public, CorsOptions Admin)
{
    public CorsOptions? For(Surface surface) => surface switch
    {
        Surface.Public when Public.Enabled => Public,
        Surface.Admin when Admin.Enabled => Admin,
        _ => null,
    };
}
