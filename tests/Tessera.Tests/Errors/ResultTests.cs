// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Tests.Errors;

public sealed class ResultTests
{
    [Fact]
    public void Failure_ValueAccess_Throws()
    {
        Result<string> result = ErrorCatalog.NotFound;

        result.Succeeded.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => result.Value);
        result.Error.Descriptor.Id.ShouldBe("not_found");
    }

    [Fact]
    public void Success_ErrorAccess_Throws()
    {
        Result<string> result = "ok";

        result.Succeeded.ShouldBeTrue();
        result.Value.ShouldBe("ok");
        Should.Throw<InvalidOperationException>(() => result.Error);
    }
}
