global using Tuple = Squall.Tuple;
