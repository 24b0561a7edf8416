print(mystery)
