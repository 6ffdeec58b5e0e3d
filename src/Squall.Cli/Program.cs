Console.WriteLine("squall");
