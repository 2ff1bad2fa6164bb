using HeritageRegistry.Data;
using Npgsql;

namespace HeritageRegistry.UnitTests.Data;

public class PostgreSqlConnectionStringTests
{
    [Fact]
    public void Statements_are_prepared_automatically_when_the_configuration_does_not_say()
    {
        var built = new NpgsqlConnectionStringBuilder(Database.PostgreSqlConnectionString("Host=db.example;Username=registry"));

        Assert.True(built.MaxAutoPrepare > 0);
        Assert.Equal("db.example", built.Host);
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0")]
    [InlineData("Host=db.example;MaxAutoPrepare=0")]
    public void A_configured_choice_of_automatic_preparation_is_kept(string configured) =>
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(Database.PostgreSqlConnectionString(configured)).MaxAutoPrepare);

    [Fact]
    public void Pooled_connections_are_not_reset_between_uses_when_the_configuration_does_not_say() =>
        Assert.True(new NpgsqlConnectionStringBuilder(Database.PostgreSqlConnectionString("Host=db.example")).NoResetOnClose);

    [Theory]
    [InlineData("Host=db.example;No Reset On Close=false")]
    [InlineData("Host=db.example;NoResetOnClose=false")]
    public void A_configured_choice_of_resetting_pooled_connections_is_kept(string configured) =>
        Assert.False(new NpgsqlConnectionStringBuilder(Database.PostgreSqlConnectionString(configured)).NoResetOnClose);
}
