// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting.Pagination;

namespace Tessera.Courier;

/// <summary>One page of the admin list: optional filters, the page size, and where the previous page ended.</summary>
internal sealed record CourierMessageQuery(string? Status, string? Recipient, int PageSize, CreatedAtPosition? After);
