// RabbitMQ -> parse -> aggregate -> PostgreSQL, in one command:
//   dotnet run --project examples/RabbitToPostgres [-- ORDERS]
// Starts a throw-away RabbitMQ and PostgreSQL (Debian's rabbitmq-server and postgresql; the error says what to
// install if they are missing), publishes ORDERS order lines (default 5000, a few malformed), runs pipeline.yaml in
// local mode until every order is in the sales table, and prints the table.
using System.Globalization;
using System.Text;
using Npgsql;
using RabbitMQ.Client;
using Squall.Flux;
using Squall.Runtime;
using Squall.Testing.Servers;

var orders = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
string[] products = ["apple", "bread", "cheese", "dates", "eggs"];

Console.WriteLine("starting RabbitMQ and PostgreSQL (temporary, on free loopback ports)...");
await using var rabbit = await RabbitMqServer.StartNewAsync();
await using var postgres = await PostgresServer.StartNewAsync();
await using (var db = new NpgsqlConnection(postgres.ConnectionString))
{
    await db.OpenAsync();
    await using var create = new NpgsqlCommand("CREATE TABLE sales (product text PRIMARY KEY, quantity bigint NOT NULL, revenue double precision NOT NULL)", db);
    await create.ExecuteNonQueryAsync();
}

await using (var connection = await new ConnectionFactory { Uri = rabbit.AmqpUri }.CreateConnectionAsync())
await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true)))
{
    var arguments = new Dictionary<string, object?> { ["x-dead-letter-exchange"] = string.Empty, ["x-dead-letter-routing-key"] = "orders.dead" };
    await channel.QueueDeclareAsync("orders", durable: true, exclusive: false, autoDelete: false, arguments);
    await channel.QueueDeclareAsync("orders.dead", durable: true, exclusive: false, autoDelete: false);
    var persistent = new BasicProperties { DeliveryMode = DeliveryModes.Persistent };
    for (var i = 0; i < orders; i++)
    {
        var line = i % 1000 == 999 ? "this is not an order" : $"{products[i % products.Length]},{1 + (i % 3)},{1.5 + (i % products.Length):F2}";
        await channel.BasicPublishAsync(string.Empty, "orders", mandatory: true, persistent, Encoding.UTF8.GetBytes(line));
    }
}

var malformed = orders / 1000;
Console.WriteLine($"published {orders} orders ({malformed} malformed); running pipeline.yaml");
var flux = FluxTopology.Load(Path.Combine(AppContext.BaseDirectory, "pipeline.yaml"), new FluxOptions
{
    Properties = new Dictionary<string, string> { ["amqp"] = rabbit.AmqpUri.ToString(), ["postgres"] = postgres.ConnectionString },
});
var conf = new Config();
using var cluster = new LocalCluster();
cluster.SubmitTopology(flux.Name, conf, flux.Build(conf));

long stored;
do
{
    await Task.Delay(1000);
    await using var db = new NpgsqlConnection(postgres.ConnectionString);
    await db.OpenAsync();
    await using var count = new NpgsqlCommand("SELECT coalesce(sum(quantity), 0)::bigint FROM sales", db);
    stored = (long)(await count.ExecuteScalarAsync())!;
    Console.WriteLine($"units in sales: {stored:N0}");
}
while (stored < Enumerable.Range(0, orders).Where(i => i % 1000 != 999).Sum(i => 1L + (i % 3)));

await cluster.KillTopologyAsync(flux.Name, 0);
await using (var db = new NpgsqlConnection(postgres.ConnectionString))
{
    await db.OpenAsync();
    await using var query = new NpgsqlCommand("SELECT product, quantity, revenue FROM sales ORDER BY product", db);
    await using var reader = await query.ExecuteReaderAsync();
    Console.WriteLine("product    quantity    revenue");
    while (await reader.ReadAsync())
    {
        Console.WriteLine($"{reader.GetString(0),-10} {reader.GetInt64(1),8:N0} {reader.GetDouble(2),10:N2}");
    }
}

await using (var connection = await new ConnectionFactory { Uri = rabbit.AmqpUri }.CreateConnectionAsync())
await using (var channel = await connection.CreateChannelAsync())
{
    Console.WriteLine($"dead-lettered (malformed) orders: {await channel.MessageCountAsync("orders.dead")}");
}
