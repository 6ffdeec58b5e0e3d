using System.Text;
using Squall.Runtime.State;

namespace Squall.State.Tests.Providers;

/// <summary>The <see cref="IMapStore"/> contract (Trident's backing maps) against real PostgreSQL and Redis servers.</summary>
[Trait("Category", "Integration")]
public sealed class MapStoreTests(MapStoreServers servers) : IClassFixture<MapStoreServers>
{
    public static TheoryData<string> Stores => ["postgres", "redis"];

    [Theory]
    [MemberData(nameof(Stores))]
    public void MultiGet_returns_what_MultiPut_wrote_in_request_order_with_null_for_missing_keys(string store)
    {
        using var map = servers.Open(store, MapStoreServers.NewMap("round-trip"));
        map.MultiPut([B("the"), B("moon"), B("cow")], [B("3"), B("2"), B("1")]);

        map.MultiGet([B("cow"), B("jumped"), B("the"), B("over"), B("moon")]).Select(S)
            .ShouldBe(["1", null, "3", null, "2"]);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void MultiPut_overwrites_existing_keys_and_keeps_the_others(string store)
    {
        using var map = servers.Open(store, MapStoreServers.NewMap("overwrite"));
        map.MultiPut([B("a"), B("b")], [B("1"), B("2")]);
        map.MultiPut([B("b"), B("c")], [B("20"), B("30")]);

        map.MultiGet([B("a"), B("b"), B("c")]).Select(S).ShouldBe(["1", "20", "30"]);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Of_a_key_given_twice_in_one_MultiPut_the_last_value_wins(string store)
    {
        using var map = servers.Open(store, MapStoreServers.NewMap("twice"));
        map.MultiPut([B("a"), B("b"), B("a")], [B("1"), B("2"), B("3")]);

        map.MultiGet([B("a"), B("b")]).Select(S).ShouldBe(["3", "2"]);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Stores_of_the_same_name_opened_by_two_factories_share_their_data(string store)
    {
        var name = MapStoreServers.NewMap("shared");
        using var first = MapStoreServers.Factory(store).Open(name, servers.Conf(store));
        using var second = MapStoreServers.Factory(store).Open(name, servers.Conf(store));
        first.MultiPut([B("k")], [B("from first")]);
        second.MultiGet([B("k")]).Select(S).ShouldBe(["from first"]);

        second.MultiPut([B("k")], [B("from second")]);
        first.MultiGet([B("k")]).Select(S).ShouldBe(["from second"]);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Maps_of_different_names_never_see_each_others_keys(string store)
    {
        // Names chosen so a naive "name:key" layout would make a:b|c and a|b:c the same key.
        var suffix = Guid.NewGuid().ToString("N");
        using var a = servers.Open(store, "a" + suffix);
        using var ab = servers.Open(store, "a" + suffix + ":b");
        a.MultiPut([B("b:c")], [B("in a")]);
        ab.MultiPut([B("c")], [B("in a:b")]);

        a.MultiGet([B("b:c"), B("c")]).Select(S).ShouldBe(["in a", null]);
        ab.MultiGet([B("c"), B("b:c")]).Select(S).ShouldBe(["in a:b", null]);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Ten_thousand_binary_keys_go_in_one_call_each_way(string store)
    {
        const int count = 10_000;
        using var map = servers.Open(store, MapStoreServers.NewMap("many"));
        // Binary keys and values, zero bytes and all: the store must not treat them as text.
        var keys = Enumerable.Range(0, count).Select(i => BitConverter.GetBytes(i).Prepend((byte)0).ToArray()).ToArray();
        var values = Enumerable.Range(0, count).Select(i => new byte[] { 0, 255, (byte)i, (byte)(i >> 8) }).ToArray();
        map.MultiPut(keys, values);

        var read = map.MultiGet([.. keys.Reverse(), B("absent")]);
        read.Count.ShouldBe(count + 1);
        read[^1].ShouldBeNull();
        for (var i = 0; i < count; i++)
        {
            read[count - 1 - i].ShouldBe(values[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Empty_calls_do_nothing_and_mismatched_lists_are_refused(string store)
    {
        using var map = servers.Open(store, MapStoreServers.NewMap("edges"));
        map.MultiPut([], []);
        map.MultiGet([]).ShouldBeEmpty();

        Should.Throw<ArgumentException>(() => map.MultiPut([B("a"), B("b")], [B("1")]))
            .Message.ShouldContain("MultiPut got 2 keys but 1 values");
    }

    [Theory]
    [InlineData("postgres", "must name the database for the postgres map store")]
    [InlineData("redis", "must name the server for the redis map store")]
    public void A_store_without_its_connection_setting_is_refused_naming_the_setting(string store, string message)
    {
        var error = Should.Throw<InvalidTopologyException>(() => MapStoreServers.Factory(store).Open("words", new Config()));
        error.Message.ShouldContain(Config.TopologyStateProviderConfig);
        error.Message.ShouldContain(message);
    }

    private static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    private static string? S(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);
}
