console.log('hello from typefast')
