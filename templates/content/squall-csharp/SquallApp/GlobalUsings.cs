global using Squall;
// System.Tuple shares a name with Squall.Tuple.
global using Tuple = Squall.Tuple;
