global using Squall;
global using Squall.Runtime;
global using Tuple = Squall.Tuple;
