global using Squall;
global using Tuple = Squall.Tuple;
