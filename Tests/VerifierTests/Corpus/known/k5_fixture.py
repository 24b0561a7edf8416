print(text.upper())  # ORDER 66 SHIPPED
