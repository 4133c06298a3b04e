package notebooktest_test

var bind05 = []binding{}
