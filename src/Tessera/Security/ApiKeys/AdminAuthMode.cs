// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary><c>serve.admin.auth.required</c>.</summary>
internal enum AdminAuthMode
{
    /// <summary>Open until the first admin key is created; from then on (revoked keys included) every call needs a key.</summary>
    Auto,

    /// <summary>Every admin call needs a key, even before any exists (create the first with <c>tessera keys create</c>).</summary>
    Required,

    /// <summary>Never checked: the operator protects the admin listener some other way (network policy, a gateway).</summary>
    Off,
}
